using Matcher.Core.Users;
using Matcher.Data.Entities;
using Matcher.Web.Services.Access;

namespace Matcher.Web.Tests;

/// <summary>One person holding every role: the default signed-in user of service and component tests.</summary>
public sealed class LocalUser : ICurrentUser
{
    public const string LocalId = "local";
    public string Id => LocalId;
    public string DisplayName => "You";
    public bool IsInRole(string role) => Roles.IsKnown(role);
}
