namespace Matcher.Web.Accounts;

/// <summary>How people get accounts. Bound from <c>Matcher:Accounts</c>.</summary>
public sealed class AccountOptions
{
    public const string Section = "Matcher:Accounts";

    /// <summary>Anyone may register as a candidate. Turn off for a closed install where admins create accounts.</summary>
    public bool AllowRegistration { get; set; } = true;

    /// <summary>How long an invitation link to a session stays valid.</summary>
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Sign-in attempts allowed per client address per minute, before Identity's per-account lockout.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>
    /// <c>Always</c>: the sign-in cookie is marked Secure, so browsers send it over HTTPS only (the form cookie is
    /// Secure whenever the request came over HTTPS).
    /// <c>SameAsRequest</c>: Secure when the request came over HTTPS. Empty (the default) means <c>Always</c> when
    /// <c>Matcher:PublicBaseAddress</c> starts with https, else <c>SameAsRequest</c>.
    /// </summary>
    public Microsoft.AspNetCore.Http.CookieSecurePolicy? SecureCookies { get; set; }

    public Microsoft.AspNetCore.Http.CookieSecurePolicy CookiePolicy(string? publicBaseAddress) =>
        SecureCookies ?? (publicBaseAddress?.Trim().StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true
            ? Microsoft.AspNetCore.Http.CookieSecurePolicy.Always
            : Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest);
}
