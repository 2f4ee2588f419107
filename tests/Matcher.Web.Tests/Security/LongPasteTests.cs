using System.Text;
using System.Text.Json;
using Matcher.Web.Components;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Matcher.Web.Tests.Security;

/// <summary>The live connection of interactive pages takes the longest paste the text boxes allow.</summary>
public sealed class LongPasteTests
{
    private static long ConfiguredLimit(IServiceProvider services)
    {
        // The hub behind interactive pages is internal to ASP.NET Core; its options are read through its type.
        var hub = Type.GetType("Microsoft.AspNetCore.Components.Server.ComponentHub, Microsoft.AspNetCore.Components.Server", throwOnError: true)!;
        var options = services.GetRequiredService(typeof(IOptions<>).MakeGenericType(typeof(HubOptions<>).MakeGenericType(hub)));
        var value = (HubOptions)options.GetType().GetProperty("Value")!.GetValue(options)!;
        return value.MaximumReceiveMessageSize ?? long.MaxValue;
    }

    [Fact]
    public async Task The_app_accepts_a_message_carrying_the_longest_paste_in_its_most_expensive_characters()
    {
        await using var app = new WebAppFactory();
        var limit = ConfiguredLimit(app.Services);

        // A 200 KB posting of ordinary text, and the longest allowed paste of characters JSON must escape.
        var ordinary = Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(new string('é', 200_000)));
        var worst = Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(new string('\u0001', InputLimits.MaxPastedChars)));

        Assert.True(limit > 32 * 1024, $"The limit is still the 32 KB default ({limit:N0} bytes).");
        Assert.True(limit >= ordinary, $"A 200 KB paste needs {ordinary:N0} bytes; the limit is {limit:N0}.");
        Assert.True(limit >= worst, $"The longest paste needs up to {worst:N0} bytes; the limit is {limit:N0}.");
        Assert.True(InputLimits.MaxPastedChars >= 200_000);
    }
}
