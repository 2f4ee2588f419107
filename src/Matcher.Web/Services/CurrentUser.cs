namespace Matcher.Web.Services;

/// <summary>Who is asking. Every query and every saved row is scoped by this id.</summary>
public interface ICurrentUser
{
    string Id { get; }
}

/// <summary>The single local user of a one-person install, until accounts are switched on.</summary>
public sealed class LocalUser : ICurrentUser
{
    public const string LocalId = "local";
    public string Id => LocalId;
}
