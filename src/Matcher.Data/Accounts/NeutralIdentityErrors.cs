using Microsoft.AspNetCore.Identity;

namespace Matcher.Data.Accounts;

/// <summary>
/// Identity's own text for a taken address ("Email 'x' is already taken") tells anyone at the registration form
/// which addresses have accounts. The same words stand for both the taken e-mail and the taken user name.
/// </summary>
public sealed class NeutralIdentityErrors : IdentityErrorDescriber
{
    public const string TakenAddress = "No account can be created with this e-mail address. If you already have an account, sign in or reset your password.";

    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = TakenAddress };

    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = TakenAddress };
}
