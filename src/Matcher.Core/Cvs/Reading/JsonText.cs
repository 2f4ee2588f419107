using System.Text;
using System.Text.Json;

namespace Matcher.Core.Cvs.Reading;

/// <summary>Flattens JSON string values into lines so matching can quote evidence from a JSON Resume.</summary>
internal static class JsonText
{
    public static string Flatten(JsonElement element)
    {
        var sb = new StringBuilder();
        Walk(element, sb);
        return sb.ToString().TrimEnd();
    }

    private static void Walk(JsonElement element, StringBuilder sb)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                    if (!property.Name.StartsWith('$'))
                        Walk(property.Value, sb);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    Walk(item, sb);
                break;
            case JsonValueKind.String when !string.IsNullOrWhiteSpace(element.GetString()):
                sb.Append(element.GetString()).Append('\n');
                break;
        }
    }
}
