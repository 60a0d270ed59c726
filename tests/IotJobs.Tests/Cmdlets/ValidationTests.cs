using IotJobs.Tests.Support;

namespace IotJobs.Tests.Cmdlets;

/// <summary>Bad input is refused with a message that says what is valid, before any request.</summary>
public sealed class ValidationTests
{
    [Theory]
    [InlineData(
        "Stop-IotJob -JobId j -ReasonCode rollback",
        "ReasonCode",
        "upper-case letters, digits and underscores"
    )]
    [InlineData("Stop-IotJob -JobId j -Comment \"two`nlines\"", "Comment", "without control characters")]
    public async Task Refused_in_parameter_binding(string script, string parameter, string says)
    {
        await using var sim = await Sim.StartAsync();
        using var ps = PsSession.Start(sim);

        var r = ps.Run(script);

        var error = Assert.Single(r.Errors);
        Assert.StartsWith("ParameterArgumentValidationError", error.FullyQualifiedErrorId);
        Assert.Contains($"parameter '{parameter}'", error.Exception.Message);
        Assert.Contains(says, error.Exception.Message);
        Assert.Empty(sim.Requests);
    }

    /// <summary>
    /// Values that name an item (and may come from the pipeline) are checked by the cmdlet: on the command line, the
    /// command ends before any request, with an error that names the parameter and says what is valid.
    /// </summary>
    [Theory]
    [InlineData("Remove-IotJob -JobId 'bad id' -Force", "JobId", "a job id is 1 to 64 letters, digits, '-' or '_'")]
    [InlineData("Stop-IotJobExecution -JobId j -ThingName 'no spaces'", "ThingName", "a thing name is 1 to 128")]
    [InlineData(
        "Remove-IotJobExecution -JobId j -ThingName t -ExecutionNumber 0 -Force",
        "ExecutionNumber",
        "0 is not valid: the value must be 1 or more."
    )]
    [InlineData(
        "Get-IotJobExecution -JobId j -ThingName t -ExecutionNumber -1",
        "ExecutionNumber",
        "-1 is not valid: the value must be 1 or more."
    )]
    [InlineData(
        "Stop-IotJobExecution -JobId j -ThingName t -ExpectedVersion -1",
        "ExpectedVersion",
        "must be 0 or more"
    )]
    [InlineData("Remove-IotJob -JobId j -NamespaceId 'a b' -Force", "NamespaceId", "a namespace id is 1 to 64")]
    public async Task Refused_before_any_request(string script, string parameter, string says)
    {
        await using var sim = await Sim.StartAsync();
        using var ps = PsSession.Start(sim);

        var r = ps.Run(script);

        var error = Assert.Single(r.Errors);
        Assert.StartsWith($"Invalid{parameter},", error.FullyQualifiedErrorId);
        Assert.Equal(System.Management.Automation.ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.StartsWith($"-{parameter} ", error.ErrorDetails.Message);
        Assert.Contains(says, error.ErrorDetails.Message);
        Assert.DoesNotContain("default parameter binding", error.ErrorDetails.Message);
        Assert.Empty(sim.Requests);
    }

    [Fact]
    public async Task A_bad_piped_id_fails_alone_and_the_good_ones_go_through()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("ok");
        sim.Store.AddJob("fine");
        using var ps = PsSession.Start(sim);

        var r = ps.Run("'ok','bad/id','fine' | Stop-IotJob");

        var error = Assert.Single(r.Errors);
        Assert.Contains("'bad/id' is not valid", error.Exception.Message);
        Assert.Equal(
            ["/jobs/ok/cancel", "/jobs/fine/cancel"],
            sim.Requests.ExceptOwnershipLookup().Select(q => q.RawPath)
        );
    }

    [Fact]
    public async Task More_than_ten_status_details_are_refused_before_any_request()
    {
        await using var sim = await Sim.StartAsync();
        using var ps = PsSession.Start(sim);

        var r = ps.Run(
            "$d = @{}; 1..11 | ForEach-Object { $d[\"k$_\"] = 'v' }; "
                + "Stop-IotJobExecution -JobId j -ThingName t -StatusDetails $d"
        );

        var error = Assert.Single(r.Errors);
        Assert.Contains(
            "Status details have 11 pairs; the service takes at most 10. Remove 1.",
            error.Exception.Message
        );
        Assert.Empty(sim.Requests);
    }

    [Fact]
    public async Task Status_takes_only_the_service_values()
    {
        await using var sim = await Sim.StartAsync();
        using var ps = PsSession.Start(sim);

        var r = ps.Run("Get-IotJob -Status RUNNING");

        Assert.StartsWith("CannotConvertArgumentNoMessage", Assert.Single(r.Errors).FullyQualifiedErrorId);
        Assert.Contains("IN_PROGRESS", r.Errors[0].Exception.Message);
        Assert.Empty(sim.Requests);
    }
}
