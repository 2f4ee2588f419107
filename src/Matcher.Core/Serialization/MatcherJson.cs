using System.Text.Json;
using System.Text.Json.Serialization;

namespace Matcher.Core.Serialization;

/// <summary>
/// The one JSON shape Matcher speaks: camelCase, enums as camelCase strings, nulls left out. The indented
/// form is for people (CLI output, downloads): names and places print as written ("Müller", "—"), not as
/// \u escapes. It is a file or terminal format, never embedded in HTML.
/// </summary>
public static class MatcherJson
{
    public static readonly JsonSerializerOptions Options = Create(indented: false);
    public static readonly JsonSerializerOptions Indented = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented) => new(JsonSerializerDefaults.Web)
    {
        WriteIndented = indented,
        Encoder = indented ? System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping : null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
