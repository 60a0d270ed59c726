using System.Diagnostics;
using System.Text.Json;
using IotJobs.Simulator;

namespace IotJobs.Tests.Simulator;

/// <summary>
/// What one run of the aws CLI did: its exit code (0, else an error: 254 in v2, 255 in v1) and output.
/// </summary>
public sealed record CliResult(int ExitCode, string Output, string Errors)
{
    public JsonElement Json() => JsonDocument.Parse(Output).RootElement.Clone();
}
