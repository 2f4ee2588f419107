using Matcher.Data.Accounts;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Diagnostics;

namespace Matcher.Web.Accounts;

/// <summary>Remembers once the first account exists, so the check costs one query per process.</summary>
public sealed class SetupState
{
    private volatile bool _hasUsers;

    public async Task<bool> HasUsersAsync(UserDirectory directory, CancellationToken cancellationToken)
    {
        if (!_hasUsers)
            _hasUsers = await directory.AnyUsersAsync(cancellationToken);
        return _hasUsers;
    }

    public void UsersExist() => _hasUsers = true;

    private readonly SemaphoreSlim _firstAccount = new(1, 1);

    /// <summary>
    /// Makes the first account through <see cref="UserDirectory.CreateFirstAsync"/>, which holds a database lock so
    /// instances sharing one database make one administrator; within this instance callers also queue here, so the
    /// later ones are answered from memory. Null when an account already exists.
    /// </summary>
    public async Task<AccountResult?> CreateFirstAsync(
        UserDirectory directory, string email, string displayName, string password, IEnumerable<string> roleNames, CancellationToken cancellationToken)
    {
        await _firstAccount.WaitAsync(cancellationToken);
        try
        {
            if (await HasUsersAsync(directory, cancellationToken))
                return null;
            var result = await directory.CreateFirstAsync(email, displayName, password, roleNames, cancellationToken);
            if (result is null || result.Succeeded)
                UsersExist();
            return result;
        }
        finally
        {
            _firstAccount.Release();
        }
    }
}

public static class FirstRunSetupMiddleware
{
    public const string SetupPath = "/setup";

    /// <summary>
    /// Until the first administrator exists, every page leads to the setup page: there is no default
    /// account and no default password.
    /// </summary>
    public static IApplicationBuilder UseFirstRunSetup(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var isPage = context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;
            var isErrorPage = context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null;
            if (isPage && !isErrorPage && HttpMethods.IsGet(context.Request.Method) && !context.Request.Path.StartsWithSegments(SetupPath))
            {
                var state = context.RequestServices.GetRequiredService<SetupState>();
                var directory = context.RequestServices.GetRequiredService<UserDirectory>();
                if (!await state.HasUsersAsync(directory, context.RequestAborted))
                {
                    context.Response.Redirect(SetupPath);
                    return;
                }
            }
            await next(context);
        });
}
