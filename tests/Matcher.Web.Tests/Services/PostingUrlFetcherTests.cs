using System.Net;
using System.Net.Sockets;
using Matcher.Core.Documents;
using Matcher.Web.Services.Postings;
using Microsoft.EntityFrameworkCore;

namespace Matcher.Web.Tests.Services;

public sealed class PostingUrlFetcherTests(LoopbackSite site) : IAsyncLifetime, IClassFixture<LoopbackSite>
{
    private const long UploadLimit = 64 * 1024;
    private readonly LoopbackSite _site = site;
    private LibraryHost _host = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await LibraryHost.StartAsync(new Dictionary<string, string?>
        {
            ["Matcher:Uploads:MaxBytes"] = UploadLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Matcher:PostingFetch:Timeout"] = "00:00:02",
            // The test site is on loopback; the default guard against private addresses is tested on its own below.
            ["Matcher:PostingFetch:AllowPrivateAddresses"] = "true",
        });
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task<string> FailureAsync(string address) =>
        (await Assert.ThrowsAsync<InputException>(() => _host.Fetcher.FetchAsync(address, Ct))).Message;

    [Fact]
    public async Task Imports_a_page_by_address_reading_its_json_ld()
    {
        var id = await _host.Library.ImportUrlAsync(_site.Url("/jobs/data-analyst"), Ct);

        var detail = await _host.Library.GetAsync(id, Ct);
        Assert.NotNull(detail);
        Assert.Equal("Data Analyst, Fleet Operations", detail.Posting.Title);
        Assert.Equal("Northwind Logistics", detail.Posting.Company);
        Assert.Equal(new DateOnly(2026, 3, 2), detail.Posting.DatePosted);
        Assert.Equal(_site.Url("/jobs/data-analyst"), detail.SourceName);
        Assert.NotEmpty(detail.Posting.Positions[0].Requirements);
    }

    [Fact]
    public async Task Follows_a_redirect_and_names_the_posting_by_its_final_address()
    {
        var fetched = await _host.Fetcher.FetchAsync(_site.Url("/jobs/moved"), Ct);

        Assert.Equal(_site.Url("/jobs/data-analyst"), fetched.Name);
        Assert.Equal("text/html", fetched.ContentType);
        Assert.Equal(Fixtures.Bytes("postings", "html-with-jsonld.html"), fetched.Content);
    }

    [Fact]
    public async Task A_missing_page_is_reported_as_not_found_and_nothing_is_saved()
    {
        var error = await Assert.ThrowsAsync<InputException>(() => _host.Library.ImportUrlAsync(_site.Url("/jobs/gone"), Ct));

        Assert.Contains("no page at that address (404)", error.Message);
        await using var db = await _host.OpenDbAsync();
        Assert.Equal(0, await db.Postings.CountAsync(Ct));
    }

    [Fact]
    public async Task A_forbidden_page_suggests_saving_and_uploading_it()
    {
        var message = await FailureAsync(_site.Url("/jobs/private"));

        Assert.Contains("403", message);
        Assert.Contains("upload", message);
    }

    [Theory]
    [InlineData("/jobs/huge")]
    [InlineData("/jobs/huge-unannounced")]
    public async Task A_body_over_the_upload_limit_is_refused(string path)
    {
        var message = await FailureAsync(_site.Url(path));

        Assert.Contains("larger than the 64 KB limit", message);
    }

    [Fact]
    public async Task A_file_of_another_type_is_refused_naming_its_type()
    {
        var message = await FailureAsync(_site.Url("/logo.png"));

        Assert.Contains("image/png", message);
        Assert.Contains("not a posting", message);
    }

    [Fact]
    public async Task A_site_slower_than_the_timeout_is_reported_as_too_slow()
    {
        var message = await FailureAsync(_site.Url("/jobs/slow"));

        Assert.Contains("did not send the posting within 2 s", message);
    }

    [Fact]
    public async Task A_site_that_does_not_answer_is_reported_as_unreachable()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var message = await FailureAsync($"http://127.0.0.1:{port}/jobs/1");

        Assert.Contains("could not be reached", message);
    }

    [Theory]
    [InlineData("ftp://example.org/job.txt", "Only http and https")]
    [InlineData("file:///etc/passwd", "not a web address")]
    [InlineData("jobs/data-analyst", "not a web address")]
    [InlineData("   ", "Enter the posting's web address")]
    public async Task Addresses_that_are_not_http_or_https_are_refused_before_any_request(string address, string expected)
    {
        var message = await FailureAsync(address);

        Assert.Contains(expected, message);
    }

    [Theory]
    [InlineData("/jobs/to-file")]
    [InlineData("/jobs/to-gopher")]
    public async Task A_redirect_to_an_address_that_is_not_http_or_https_gives_the_clear_message(string path)
    {
        var message = await FailureAsync(_site.Url(path));

        Assert.Contains("redirected to an address that is not http or https", message);
        Assert.Contains("Open it in your browser and use the final address.", message);
    }

    [Fact]
    public async Task By_default_an_address_on_this_machine_is_refused_without_connecting()
    {
        await using var guarded = await LibraryHost.StartAsync();

        var error = await Assert.ThrowsAsync<InputException>(() => guarded.Fetcher.FetchAsync(_site.Url("/jobs/data-analyst"), Ct));

        Assert.Contains("private or local network", error.Message);
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.20.0.1", false)]
    [InlineData("192.168.1.10", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("0.1.2.3", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("100.127.255.254", false)]
    [InlineData("192.0.0.8", false)]
    [InlineData("192.0.2.10", false)]
    [InlineData("198.18.0.1", false)]
    [InlineData("198.19.255.254", false)]
    [InlineData("198.51.100.7", false)]
    [InlineData("203.0.113.99", false)]
    [InlineData("224.0.0.251", false)]
    [InlineData("239.255.255.250", false)]
    [InlineData("240.0.0.1", false)]
    [InlineData("255.255.255.255", false)]
    [InlineData("::", false)]
    [InlineData("::ffff:192.0.2.1", false)]
    [InlineData("::ffff:198.18.0.1", false)]
    [InlineData("64:ff9b::a00:1", false)]
    [InlineData("2001:db8::1", false)]
    [InlineData("2002:c0a8:101::1", false)]
    [InlineData("fe80::1%2", false)]
    [InlineData("fec0::1", false)]
    [InlineData("ff02::1", false)]
    [InlineData("100.128.0.1", true)]
    [InlineData("198.20.0.1", true)]
    [InlineData("192.0.3.1", true)]
    [InlineData("::ffff:93.184.215.14", true)]
    [InlineData("93.184.215.14", true)]
    [InlineData("172.32.0.1", true)]
    [InlineData("2606:4700::1111", true)]
    public void Private_and_local_addresses_are_told_apart_from_public_ones(string address, bool isPublic) =>
        Assert.Equal(isPublic, PublicAddressGuard.IsPublic(System.Net.IPAddress.Parse(address)));

    [Fact]
    public void An_address_of_this_machine_is_not_public_even_in_a_public_range()
    {
        var own = new HashSet<System.Net.IPAddress> { System.Net.IPAddress.Parse("93.184.215.14") };

        Assert.False(PublicAddressGuard.IsPublic(System.Net.IPAddress.Parse("93.184.215.14"), own));
        Assert.False(PublicAddressGuard.IsPublic(System.Net.IPAddress.Parse("::ffff:93.184.215.14"), own));
        Assert.True(PublicAddressGuard.IsPublic(System.Net.IPAddress.Parse("93.184.215.15"), own));
    }

    [Fact]
    public void The_machines_own_addresses_are_those_of_its_network_interfaces()
    {
        var listed = System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(n => n.GetIPProperties().UnicastAddresses).Select(u => u.Address).ToList();

        var own = PublicAddressGuard.OwnAddresses();

        Assert.NotEmpty(listed);
        Assert.Contains(System.Net.IPAddress.Loopback, own);
        Assert.All(listed.Where(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork), a => Assert.Contains(a, own));
    }
}
