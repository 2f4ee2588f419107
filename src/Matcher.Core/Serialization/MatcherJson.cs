using System.Text.Json;
using System.Text.Json.Serialization;

namespace Matcher.Core.Serialization;

/// <summary>The one JSON shape Matcher speaks: camelCase, enums as camelCase strings, nulls left out.</summary>
public static class MatcherJson
{
    public static readonly JsonSerializerOptions Options = Create(indented: false);
    public static readonly JsonSerializerOptions Indented = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented) => new(JsonSerializerDefaults.Web)
    {
        WriteIndented = indented,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
