// One-click unsubscribe (RFC 8058, decision 017 §4). A route handler, not a server action:
// mail providers POST `List-Unsubscribe=One-Click` with no cookie and no CSRF token; the
// token in the URL is the authorisation. GET only shows what the link turns off, with a
// button that posts the same form — mail scanners open links, so GET never unsubscribes.
import { getSetting } from "@/lib/core/settings/queries";
import {
  findUnsubscribeLink,
  unsubscribeWithToken,
  unsubscribeTokenSchema,
} from "@/lib/notifications/unsubscribe";

type Context = { params: Promise<{ token: string }> };

const PREFERENCES_PATH = "/account/notifications";

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}

const STYLE = `body{font-family:system-ui,sans-serif;background:#f6f7f9;color:#111827;margin:0;padding:1rem}
main{max-width:32rem;margin:2rem auto;background:#fff;border-radius:.5rem;padding:1.5rem}
h1{font-size:1.25rem;margin:.5rem 0 1rem}p{line-height:1.5}
button{font:inherit;background:#1d4ed8;color:#fff;border:0;border-radius:.375rem;padding:.625rem 1rem;min-height:44px;cursor:pointer}
button:focus-visible,a:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
a{color:#1d4ed8}.org{font-size:.875rem;font-weight:600;color:#555b66;margin:0}`;

async function page(request: Request, status: number, title: string, body: string) {
  const organisation = escapeHtml(await getSetting("organisation.name"));
  const nonce = request.headers.get("x-nonce") ?? "";
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)} · ${organisation}</title>
<style nonce="${escapeHtml(nonce)}">${STYLE}</style></head>
<body><main><p class="org">${organisation}</p><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
  return new Response(html, {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Referrer-Policy": "no-referrer",
    },
  });
}

const preferencesLink = `<p><a href="${PREFERENCES_PATH}">Your email preferences</a> (sign-in required).</p>`;

function notValid(request: Request) {
  return page(
    request,
    404,
    "This link is not valid",
    `<p>This unsubscribe link is not valid. You can change what email you get on your preferences page.</p>${preferencesLink}`,
  );
}

export async function GET(request: Request, context: Context) {
  const { token } = await context.params;
  const link = await findUnsubscribeLink(token);
  if (!link) return notValid(request);
  const action = `/email/unsubscribe/${encodeURIComponent(token)}`;
  return page(
    request,
    200,
    "Unsubscribe",
    `<p>Stop this email: <strong>${escapeHtml(link.description)}</strong>?</p>
<form method="post" action="${escapeHtml(action)}" enctype="application/x-www-form-urlencoded">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit">Unsubscribe</button></form>${preferencesLink}`,
  );
}

async function oneClickField(request: Request): Promise<string | null> {
  try {
    const form = await request.formData();
    const value = form.get("List-Unsubscribe");
    return typeof value === "string" ? value : null;
  } catch {
    return null;
  }
}

export async function POST(request: Request, context: Context) {
  const { token } = await context.params;
  if (!unsubscribeTokenSchema.safeParse(token).success) return notValid(request);
  if ((await oneClickField(request)) !== "One-Click") {
    return new Response("Send List-Unsubscribe=One-Click.", {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  const link = await unsubscribeWithToken(token);
  if (!link) return notValid(request);
  return page(
    request,
    200,
    "You are unsubscribed",
    `<p>You will no longer get: <strong>${escapeHtml(link.description)}</strong>.</p>${preferencesLink}`,
  );
}
