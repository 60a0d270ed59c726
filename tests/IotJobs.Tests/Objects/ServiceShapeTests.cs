using System.Text.Json;
using IotJobs.Model;

namespace IotJobs.Tests.Objects;

/// <summary>
/// A job's structured configurations as objects: typed as the service's model types them, never failing on an answer
/// this version did not expect, and losing nothing of it: each reads as the JSON the service sent.
/// </summary>
public sealed class ServiceShapeTests
{
    [Fact]
    public void Members_are_typed_as_the_model_types_them_and_the_value_reads_as_the_JSON_sent()
    {
        const string json = """
            {"criteriaList": [{"failureType": "ALL", "action": "CANCEL", "thresholdPercentage": 12,
              "minNumberOfExecutedThings": 3}]}
            """;

        var abort = ServiceJson.Read(json, e => new AbortConfig(e))!;

        var criteria = Assert.Single(abort.CriteriaList!);
        // The model's double: 12 is 12.0, whether the service wrote it with a fraction or not.
        Assert.Equal(12.0, criteria.ThresholdPercentage);
        Assert.Equal(3, criteria.MinNumberOfExecutedThings);
        Assert.Equal(("ALL", "CANCEL"), (criteria.FailureType, criteria.Action));
        Assert.Equal(json, abort.ToString());
        Assert.Equal(
            JsonDocument.Parse(json).RootElement.GetProperty("criteriaList").GetRawText(),
            abort.CriteriaList!.ToString()
        );
        Assert.Equal(
            """{"failureType": "ALL", "action": "CANCEL", "thresholdPercentage": 12,""",
            criteria.ToString().Split('\n')[0]
        );
    }

    [Fact]
    public void A_member_this_version_does_not_know_is_kept_in_the_JSON()
    {
        const string json = """{"inProgressTimeoutInMinutes":60,"futureMember":{"x":[1,2]}}""";

        var timeout = ServiceJson.Read(json, e => new TimeoutConfig(e))!;

        Assert.Equal(60L, timeout.InProgressTimeoutInMinutes);
        Assert.Equal(json, timeout.ToString());
    }

    [Fact]
    public void A_member_of_another_type_than_the_model_gives_it_is_left_null_and_fails_nothing()
    {
        const string json = """
            {"maximumPerMinute":"fast","exponentialRate":[1],"unexpected":true}
            """;

        var rollout = ServiceJson.Read(json.Trim(), e => new JobExecutionsRolloutConfig(e))!;

        Assert.Null(rollout.MaximumPerMinute);
        Assert.Null(rollout.ExponentialRate);
        Assert.Equal(json.Trim(), rollout.ToString());
        // An integer the model's int cannot hold is not truncated: it stays in the JSON only.
        var window = ServiceJson.Read("""{"durationInMinutes":99999999999}""", e => new MaintenanceWindow(e))!;
        Assert.Null(window.DurationInMinutes);
        Assert.Null(ServiceJson.Read("""{"criteriaList":{}}""", e => new AbortConfig(e))!.CriteriaList);
    }

    [Fact]
    public void Absent_stays_null_and_an_empty_list_stays_an_empty_list()
    {
        Assert.Null(ServiceJson.Read<AbortConfig>(null, e => new AbortConfig(e)));
        Assert.Null(ServiceJson.ReadList<ScheduledJobRollout>(null, e => new ScheduledJobRollout(e)));
        Assert.Null(ServiceJson.Read("{}", e => new SchedulingConfig(e))!.MaintenanceWindows);

        var none = ServiceJson.Read("""{"criteriaList":[]}""", e => new JobExecutionsRetryConfig(e))!;

        Assert.Empty(none.CriteriaList!);
        Assert.Equal("[]", none.CriteriaList!.ToString());
    }

    [Fact]
    public void Scheduled_rollouts_are_a_list_whose_text_is_the_service_list()
    {
        const string json = """[{"startTime":"2026-12-03T02:00"},{"startTime":"2026-12-04T02:00"}]""";

        var rollouts = ServiceJson.ReadList(json, e => new ScheduledJobRollout(e))!;

        Assert.Equal(["2026-12-03T02:00", "2026-12-04T02:00"], rollouts.Select(r => r.StartTime));
        Assert.Equal(json, rollouts.ToString());
        Assert.Equal("""{"startTime":"2026-12-04T02:00"}""", rollouts[1].ToString());
    }
}
