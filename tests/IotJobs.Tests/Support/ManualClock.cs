namespace IotJobs.Tests.Support;

/// <summary>A clock a test moves by hand, so deletions and expiry happen exactly when the test says.</summary>
public sealed class ManualClock : TimeProvider
{
    private DateTimeOffset now;

    public ManualClock(DateTimeOffset start) => now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
