namespace Matcher.Web.Accounts;

/// <summary>Outgoing mail for password resets. With no host configured, links are written to the log instead.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Matcher:Smtp";

    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;
    public bool UseStartTls { get; set; } = true;
    public string UserName { get; set; } = "";

    /// <summary>From configuration or the environment only (<c>Matcher__Smtp__Password</c>); never logged.</summary>
    public string Password { get; set; } = "";
    public string From { get; set; } = "matcher@localhost";
}
