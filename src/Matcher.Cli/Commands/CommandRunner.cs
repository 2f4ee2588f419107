using System.CommandLine;
using System.Text.Json;
using Matcher.Core.Documents;
using Matcher.Core.Serialization;

namespace Matcher.Cli.Commands;

/// <summary>Shared exit-code and output conventions: JSON to stdout, messages to stderr, 2 for bad input.</summary>
internal static class CommandRunner
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int BadInput = 2;

    public static JsonSerializerOptions Json => MatcherJson.Indented;

    /// <summary>Runs a command body and maps failures to the documented exit codes with a one-line reason.</summary>
    public static async Task<int> RunAsync(ParseResult parse, Func<TextWriter, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        try
        {
            return await body(output, cancellationToken);
        }
        catch (InputException ex)
        {
            await error.WriteLineAsync($"error: {OneLine(ex.Message)}");
            return BadInput;
        }
        catch (FileNotFoundException ex)
        {
            await error.WriteLineAsync($"error: file not found: {ex.FileName ?? ex.Message}");
            return BadInput;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("cancelled");
            return Failure;
        }
        catch (Exception ex)
        {
            await error.WriteLineAsync($"error: {OneLine(ex.Message)}");
            return Failure;
        }
    }

    public static Task WriteJsonAsync<T>(TextWriter output, T value) =>
        output.WriteLineAsync(JsonSerializer.Serialize(value, Json));

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
