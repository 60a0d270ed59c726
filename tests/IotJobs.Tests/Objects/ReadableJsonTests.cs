using System.Text.Json;
using IotJobs.Backup;

namespace IotJobs.Tests.Objects;

/// <summary>A backup's JSON: escaped only where JSON requires it, indented, and every value kept exactly.</summary>
public sealed class ReadableJsonTests
{
    private static string Readable(string json) => ReadableJson.Write(JsonDocument.Parse(json).RootElement);

    [Fact]
    public void Only_quotation_marks_backslashes_and_control_characters_are_escaped()
    {
        string tricky = "a\"b\\c/d+e&f<g>h'i é 日本 \U0001F680 \u2028 \u007f \n\r\t\b\f \u0001 \u001f";
        string json = JsonSerializer.Serialize(new { document = tricky });

        string text = Readable(json);

        string escaped = "a\\\"b\\\\c/d+e&f<g>h'i é 日本 \U0001F680 \u2028 \u007f \\n\\r\\t\\b\\f \\u0001 \\u001f";
        Assert.Equal("{\n  \"document\": \"" + escaped + "\"\n}\n", text);
        Assert.Equal(tricky, JsonDocument.Parse(text).RootElement.GetProperty("document").GetString());
    }

    [Fact]
    public void Numbers_and_literals_are_written_as_the_service_wrote_them()
    {
        const string json = """{"a":1796314139.799,"b":12345678901234567890123,"c":1E+2,"d":-0.0,"e":true,"f":null}""";

        string text = Readable(json);

        Assert.Contains("\"a\": 1796314139.799,", text);
        Assert.Contains("\"b\": 12345678901234567890123,", text);
        Assert.Contains("\"c\": 1E+2,", text);
        Assert.Contains("\"d\": -0.0,", text);
        Assert.Contains("\"e\": true,", text);
        Assert.Contains("\"f\": null\n", text);
    }

    [Fact]
    public void Objects_and_arrays_are_indented_and_empty_ones_stay_short()
    {
        string text = Readable("""{"job":{"targets":["t1","t2"],"none":[],"empty":{}},"n":[1,[2]]}""");

        Assert.Equal(
            """
            {
              "job": {
                "targets": [
                  "t1",
                  "t2"
                ],
                "none": [],
                "empty": {}
              },
              "n": [
                1,
                [
                  2
                ]
              ]
            }

            """.ReplaceLineEndings("\n"),
            text
        );
    }
}
