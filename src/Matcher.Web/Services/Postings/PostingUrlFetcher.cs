using System.Net;
using System.Net.Http.Headers;
using Matcher.Core.Documents;
using Microsoft.Extensions.Options;

namespace Matcher.Web.Services.Postings;

/// <summary>A document downloaded for reading; <paramref name="Name"/> names it in messages and in the library.</summary>
public sealed record FetchedDocument(string Name, byte[] Content, string ContentType);

/// <summary>
/// Downloads a posting page or file server-side. Every failure becomes an <see cref="InputException"/> that
/// says what went wrong with that address, so the page can show it as it is.
/// </summary>
public sealed class PostingUrlFetcher(
    IHttpClientFactory httpClients,
    IOptions<PostingFetchOptions> options,
    IOptions<DocumentReaderOptions> uploads,
    ILogger<PostingUrlFetcher> logger)
{
    public const string HttpClientName = "posting-fetch";

    private static readonly HashSet<string> AcceptedTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "text/html", "application/xhtml+xml", "text/plain", "application/json", "application/ld+json", "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    };

    /// <summary>Checks the address before anything is sent: absolute, http or https.</summary>
    public static Uri ParseAddress(string? address)
    {
        var text = address?.Trim();
        if (string.IsNullOrEmpty(text))
            throw new InputException("Enter the posting's web address, starting with https://.");
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.IsFile || uri.IsUnc)
            throw new InputException($"\"{text}\" is not a web address. Enter the full address, starting with https://.");
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            throw new InputException($"Only http and https addresses can be imported, not {uri.Scheme}. Download the posting and upload the file instead.");
        return uri;
    }

    public async Task<FetchedDocument> FetchAsync(string address, CancellationToken cancellationToken = default)
    {
        var uri = ParseAddress(address);
        var timeout = options.Value.Timeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var http = httpClients.CreateClient(HttpClientName);
        var current = uri;
        try
        {
            // Redirects are followed here, not by the handler, so every hop is checked as the first address was
            // (a Location of file: or gopher: gets the message, not an exception), and the connection guard sees each host.
            for (var hop = 0; ; hop++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                request.Headers.Accept.ParseAdd("text/html,application/ld+json,application/json,text/plain,application/pdf,*/*;q=0.1");
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
                if (IsRedirect(response))
                {
                    if (hop >= options.Value.MaxRedirects)
                        throw new InputException($"{uri.Host} redirected more than {options.Value.MaxRedirects} times. Open it in your browser and use the final address.");
                    current = RedirectTarget(uri, current, response);
                    continue;
                }
                CheckStatus(uri, response);
                var contentType = CheckContentType(uri, response.Content.Headers.ContentType);
                var content = await ReadCappedAsync(uri, response.Content, deadline.Token);
                logger.LogInformation("Fetched a posting from {Host}: {Bytes} bytes of {ContentType}", current.Host, content.Length, contentType);
                return new FetchedDocument(NameOf(current), content, contentType);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InputException($"{current.Host} did not send the posting within {timeout.TotalSeconds:0.#} s. Try again later, or save the page and upload the file.");
        }
        catch (HttpRequestException ex) when (ex.InnerException is PrivateAddressException)
        {
            throw new InputException($"{current.Host} is on a private or local network, which Matcher does not fetch from. Save the page and upload the file instead.", ex);
        }
        catch (HttpRequestException ex)
        {
            logger.LogInformation("Could not reach {Host}: {Error}", current.Host, ex.HttpRequestError);
            throw new InputException($"{current.Host} could not be reached ({Describe(ex)}). Check the address, or save the page and upload the file.", ex);
        }
    }

    private static bool IsRedirect(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    /// <summary>The next address, checked like one the user typed; read from the raw header, which may not be a valid address.</summary>
    private static Uri RedirectTarget(Uri first, Uri current, HttpResponseMessage response)
    {
        var code = (int)response.StatusCode;
        var location = response.Headers.TryGetValues("Location", out var values) ? values.FirstOrDefault()?.Trim() : null;
        if (string.IsNullOrEmpty(location) || !Uri.TryCreate(current, location, out var next))
            throw new InputException($"{first.Host} redirected ({code}) without a usable address. Open it in your browser and use the final address.");
        if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
            throw new InputException($"{first.Host} redirected to an address that is not http or https ({next.Scheme}:, {code}), which Matcher does not follow. Open it in your browser and use the final address.");
        return next;
    }

    private static void CheckStatus(Uri uri, HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode)
            return;
        var code = (int)response.StatusCode;
        throw new InputException(response.StatusCode switch
        {
            HttpStatusCode.NotFound or HttpStatusCode.Gone =>
                $"{uri.Host} has no page at that address ({code}). The posting may have been taken down; check the address.",
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                $"{uri.Host} refused to give the page ({code}); it may need a sign-in. Open it in your browser, save it and upload the file.",
            >= HttpStatusCode.Ambiguous and < HttpStatusCode.BadRequest =>
                $"{uri.Host} redirected too often or to an address that is not http or https ({code}). Open it in your browser and use the final address.",
            _ => $"{uri.Host} answered with an error ({code} {response.ReasonPhrase}). Try again later, or save the page and upload the file.",
        });
    }

    private static string CheckContentType(Uri uri, MediaTypeHeaderValue? header)
    {
        var type = header?.MediaType;
        if (type is not null && AcceptedTypes.Contains(type))
            return type;
        throw new InputException(type is null
            ? $"{uri.Host} did not say what kind of file it sent. Save the posting and upload the file instead."
            : $"{uri.Host} sent {type}, which is not a posting Matcher reads. Use the address of an HTML page, a PDF, a DOCX, a text or a JSON-LD file.");
    }

    private async Task<byte[]> ReadCappedAsync(Uri uri, HttpContent content, CancellationToken cancellationToken)
    {
        var max = uploads.Value.MaxBytes;
        if (content.Headers.ContentLength > max)
            throw TooLarge(uri, max);
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        // The declared length may be missing or wrong, so the cap is enforced on what actually arrives.
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max)
                throw TooLarge(uri, max);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static InputException TooLarge(Uri uri, long max) =>
        new($"The file at {uri.Host} is larger than the {UploadSize(max)} limit. Use the address of the posting page itself, or a smaller file.");

    private static string UploadSize(long bytes) => Components.Shared.UploadBox.FormatSize(bytes);

    private static string Describe(HttpRequestException ex) => ex.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError => "the name does not resolve",
        HttpRequestError.ConnectionError => "no connection",
        HttpRequestError.SecureConnectionError => "the secure connection failed",
        _ => "the request failed",
    };

    // The address is the posting's name in the library; a fragment never reaches the server, so it is dropped.
    private static string NameOf(Uri uri) => uri.GetLeftPart(UriPartial.Query);
}
