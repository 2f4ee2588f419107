using System.Threading.RateLimiting;
using Matcher.Data.Accounts;
using Matcher.Data.Entities;
using Matcher.Web.Services.Access;
using Matcher.Web.Services.Audit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace Matcher.Web.Accounts;

public static class AccountHosting
{
    public const string SignInRateLimit = "sign-in";

    /// <summary>Identity with cookie sign-in, the signed-in user for services, reset mail, and the sign-in rate limit.</summary>
    public static IServiceCollection AddMatcherAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.Section);
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section);
        services.AddOptions<PublicAddressOptions>().BindConfiguration(PublicAddressOptions.Section)
            .Validate(PublicBaseAddress.IsValid, "Matcher:PublicBaseAddress must be the absolute http or https address people open, e.g. https://matcher.example.org/ (no query or #).")
            .ValidateOnStart();
        services.AddSingleton<PublicBaseAddress>();

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthenticationStateProvider>();
        services.AddScoped<SignedInUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<SignedInUser>());
        services.AddSingleton<SetupState>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        var accounts = configuration.GetSection(AccountOptions.Section).Get<AccountOptions>() ?? new AccountOptions();
        var cookiePolicy = accounts.CookiePolicy(configuration[$"{PublicAddressOptions.Section}:{nameof(PublicAddressOptions.PublicBaseAddress)}"]);
        // The form cookie follows the request: antiforgery refuses to work at all when told Always on a plain request.
        services.Configure<AntiforgeryOptions>(antiforgery => antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.AccessDeniedPath = "/account/access-denied";
            cookie.Cookie.Name = "matcher.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = cookiePolicy;
            cookie.ExpireTimeSpan = TimeSpan.FromDays(14);
            cookie.SlidingExpiration = true;
        });
        services.AddAuthorization();
        // Cookies are checked against the account often, so a deleted account or a changed password ends other sign-ins soon.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddMatcherAccountStore()
            .AddClaimsPrincipalFactory<MatcherClaimsFactory>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        var smtpConfigured = !string.IsNullOrWhiteSpace(configuration[$"{SmtpOptions.Section}:Host"]);
        if (smtpConfigured)
            services.AddSingleton<IEmailSender<MatcherUser>, SmtpEmailSender>();
        else
            services.AddSingleton<IEmailSender<MatcherUser>, LogEmailSender>();
        // Links wait here for PasswordResetMailWorker, one of the background workers (AddMatcherWorkers).
        services.AddSingleton<PasswordResetMailQueue>();

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(SignInRateLimit, context =>
            {
                // Only attempts count: showing the form is free.
                if (!HttpMethods.IsPost(context.Request.Method))
                    return RateLimitPartition.GetNoLimiter("view");
                var perMinute = context.RequestServices.GetRequiredService<IOptions<AccountOptions>>().Value.SignInAttemptsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
        });
        return services;
    }

    /// <summary>Makes the cookie's user the <see cref="SignedInUser"/> of plain HTTP requests (downloads, forms).</summary>
    public static IApplicationBuilder UseSignedInUser(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.RequestServices.GetRequiredService<SignedInUser>().Set(context.User);
            await next(context);
        });

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async (HttpContext context, IAntiforgery antiforgery, SignInManager<MatcherUser> signIn, SignedInUser user, AuditLog audit) =>
        {
            // Another site must not be able to sign people out.
            if (!await antiforgery.IsRequestValidAsync(context))
                return Results.BadRequest();
            if (user.IsSignedIn)
                await audit.RecordAsync(user, AuditActions.SignOut);
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login?signedOut=true");
        }).RequireAuthorization();
        return app;
    }
}
