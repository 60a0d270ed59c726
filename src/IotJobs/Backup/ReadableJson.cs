using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace IotJobs.Backup;

/// <summary>
/// JSON as a person reads it: indented, and escaped only where JSON requires it (quotation marks, backslashes and
/// control characters), so a job document's URLs, quotes and words read as written. System.Text.Json's encoders
/// escape more: '+', '&amp;', '&lt;' and quotation marks as \u002B, \u0026, \u003C and \u0022, and characters beyond
/// ASCII (or, relaxed, beyond the Basic Multilingual Plane). Values are kept exactly: strings character for
/// character, numbers as the service wrote them.
/// </summary>
internal static class ReadableJson
{
    private const string Indent = "  ";

    public static string Write(JsonElement value)
    {
        var text = new StringBuilder();
        Value(text, value, 0);
        return text.Append('\n').ToString();
    }

    private static void Value(StringBuilder text, JsonElement value, int depth)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                Members(text, '{', '}', depth, value.EnumerateObject(), (m, d) => Member(text, m, d));
                break;
            case JsonValueKind.Array:
                Members(text, '[', ']', depth, value.EnumerateArray(), (item, d) => Value(text, item, d));
                break;
            case JsonValueKind.String:
                Quoted(text, value.GetString()!);
                break;
            default:
                // Numbers, true, false and null, exactly as written.
                text.Append(value.GetRawText());
                break;
        }
    }

    private static void Member(StringBuilder text, JsonProperty member, int depth)
    {
        Quoted(text, member.Name);
        text.Append(": ");
        Value(text, member.Value, depth);
    }

    private static void Members<T>(
        StringBuilder text,
        char open,
        char close,
        int depth,
        IEnumerable<T> items,
        Action<T, int> write
    )
    {
        text.Append(open);
        bool any = false;
        foreach (var item in items)
        {
            text.Append(any ? ",\n" : "\n");
            Line(text, depth + 1);
            write(item, depth + 1);
            any = true;
        }
        if (any)
        {
            text.Append('\n');
            Line(text, depth);
        }
        text.Append(close);
    }

    private static void Line(StringBuilder text, int depth)
    {
        for (int i = 0; i < depth; i++)
            text.Append(Indent);
    }

    private static void Quoted(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                case '\b':
                    text.Append("\\b");
                    break;
                case '\f':
                    text.Append("\\f");
                    break;
                default:
                    // Other control characters as \u00XX; anything else ('+', '<', 'é', emoji) as itself.
                    if (c < ' ')
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else
                        text.Append(c);
                    break;
            }
        }
        text.Append('"');
    }
}
