namespace Matcher.Web.Services.Postings;

/// <summary>How postings are fetched from the web.</summary>
public sealed class PostingFetchOptions
{
    public const string Section = "Matcher:PostingFetch";

    /// <summary>How long a site may take to send the whole posting, headers and body.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Most redirects followed before giving up.</summary>
    public int MaxRedirects { get; set; } = 5;

    /// <summary>
    /// Whether addresses on this machine or its private network may be fetched. Off by default, so a user
    /// cannot make the server read its own internal services.
    /// </summary>
    public bool AllowPrivateAddresses { get; set; }
}
