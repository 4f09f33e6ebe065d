// POST /api/uploads: a member uploads one picture or file (multipart field `file`) into
// something they are writing → 201 { id, url, kind, name, markdown }, or 4xx { error }.
// See lib/uploads/ and docs/decisions/019-uploads.md.
import { NextResponse } from "next/server";
import { routeHandler } from "@/lib/core/auth/route-handler";
import { uploadAttachment } from "@/lib/uploads/attachments";
import { isSameOrigin, readUploadForm, refusalResponse, uploadError } from "@/lib/uploads/http";
import { UploadRefused } from "@/lib/uploads/processing";

export const POST = routeHandler(
  {
    permission: "create:reply:any",
    client: "fetch",
    messages: {
      signedOut: "Sign in to upload files.",
      forbidden: "Your account can't upload files.",
    },
  },
  async ({ request, user }) => {
    if (!isSameOrigin(request)) return uploadError("Upload from the app's own pages.", 403);
    try {
      const form = await readUploadForm(request);
      const uploaded = await uploadAttachment(user, form.file);
      return NextResponse.json(uploaded, { status: 201, headers: { "Cache-Control": "no-store" } });
    } catch (error) {
      if (error instanceof UploadRefused) return refusalResponse(error);
      throw error;
    }
  },
);
