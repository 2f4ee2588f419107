namespace Matcher.Web.Accounts;

/// <summary>Where people reach this install. Bound from <c>Matcher:PublicBaseAddress</c>.</summary>
public sealed class PublicAddressOptions
{
    public const string Section = "Matcher";

    /// <summary>
    /// The address people open, e.g. <c>https://matcher.example.org/</c>. Links that leave the app (password
    /// resets, session invitations) start with it, never with the Host header a request happened to send.
    /// </summary>
    public string PublicBaseAddress { get; set; } = "";
}
