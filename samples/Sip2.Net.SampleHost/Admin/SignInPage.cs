using System.Net;

namespace Sip2.Net.SampleHost.Admin;

/// <summary>The sign-in form: plain HTML with its own small style, since the admin's stylesheet is behind the sign-in.</summary>
internal static class SignInPage
{
    public static string Render(string tokenField, string token, string returnUrl, string? userName, string? problem) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>Sign in · SIP2 administration</title>
          <style>
            body { font-family: system-ui, sans-serif; background: #f4f6f9; color: #1d2430; margin: 0; }
            main { max-width: 24rem; margin: 5rem auto; background: #fff; border: 1px solid #d6dbe2; border-radius: 8px; padding: 1.5rem 1.8rem; }
            h1 { font-size: 1.3rem; margin-top: 0; }
            label { display: block; font-weight: 600; margin: 0.9rem 0 0.3rem; }
            input { font: inherit; width: 100%; padding: 0.45rem 0.55rem; border: 1px solid #b7c0cc; border-radius: 5px; box-sizing: border-box; }
            button { font: inherit; margin-top: 1.2rem; padding: 0.5rem 1rem; border: 0; border-radius: 5px; background: #1f5fa8; color: #fff; cursor: pointer; }
            .error { background: #fdecea; border: 1px solid #f3c2bd; color: #b3261e; padding: 0.6rem 0.8rem; border-radius: 6px; }
            .help { color: #5b6573; font-size: 0.88rem; }
          </style>
        </head>
        <body>
          <main>
            <h1>SIP2 administration</h1>
            {{(problem is null ? "" : $"<p class=\"error\" role=\"alert\" id=\"signin-error\">{WebUtility.HtmlEncode(problem)}</p>")}}
            <form method="post" action="/signin">
              <input type="hidden" name="{{WebUtility.HtmlEncode(tokenField)}}" value="{{WebUtility.HtmlEncode(token)}}" />
              <input type="hidden" name="returnUrl" value="{{WebUtility.HtmlEncode(returnUrl)}}" />
              <label for="userName">User name</label>
              <input id="userName" name="userName" autocomplete="username" value="{{WebUtility.HtmlEncode(userName ?? "")}}" autofocus />
              <label for="password">Password</label>
              <input id="password" name="password" type="password" autocomplete="current-password" />
              <button type="submit" id="sign-in">Sign in</button>
              <p class="help">Accounts are configured in Sip2:Admin:Accounts.</p>
            </form>
          </main>
        </body>
        </html>
        """;
}
