// A real OpenID Connect provider (the `oidc-provider` package) for the single sign-on
// end-to-end test. Any login name is accepted on its development login form; the name is
// the email. Names starting with "unverified+" get email_verified=false.
import Provider from "oidc-provider";

export async function startOidcProvider({ port, redirectUri, clientId, clientSecret }) {
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        response_types: ["code"],
        grant_types: ["authorization_code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    pkce: { required: () => true },
    // Put email claims in the ID token, as most enterprise providers do.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ["e2e-test-cookie-key-not-secret"] },
    async findAccount(_ctx, id) {
      const email = id.replace(/^unverified\+/, "");
      return {
        accountId: id,
        async claims() {
          return {
            sub: id,
            email,
            email_verified: !id.startsWith("unverified+"),
            name: email.split("@")[0],
          };
        },
      };
    },
  });
  provider.proxy = false;
  provider.on("grant.error", (ctx, error) =>
    console.error(
      "oidc-provider grant.error:",
      error.error_detail ?? error.message,
      ctx.oidc?.params?.redirect_uri,
    ),
  );
  const server = provider.listen(port, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  return { issuer, stop: () => new Promise((resolve) => server.close(resolve)) };
}
