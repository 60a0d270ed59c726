using IotJobs.Simulator.State;

namespace IotJobs.Simulator;

/// <summary>
/// A small fleet in every state, with the ages a real account has (some jobs finished months ago, some
/// this week), for the demo, the documentation's examples and trying the module by hand.
/// </summary>
public static class DemoData
{
    public static void Seed(JobStore store)
    {
        var now = store.Now;
        string[] sensors = ["sensor-01", "sensor-02", "sensor-03", "sensor-04", "gateway:eu-1"];
        DateTimeOffset DaysAgo(double days) => now.AddDays(-days);

        store.AddJob(
            "fw-2024-11-rollout",
            "IN_PROGRESS",
            description: "Firmware 4.2.0 to all sensors",
            createdAt: DaysAgo(12)
        );
        store.AddExecution("fw-2024-11-rollout", sensors[0], "SUCCEEDED", 3);
        store.AddExecution("fw-2024-11-rollout", sensors[1], "IN_PROGRESS", 2);
        store.AddExecution("fw-2024-11-rollout", sensors[2], "QUEUED");
        store.AddExecution("fw-2024-11-rollout", sensors[3], "QUEUED");
        store.AddExecution("fw-2024-11-rollout", sensors[4], "IN_PROGRESS", 2);

        store.AddJob(
            "fw-2024-11-hotfix",
            "IN_PROGRESS",
            "CONTINUOUS",
            thingGroupName: "eu-sensors",
            description: "Hotfix 4.2.1",
            createdAt: DaysAgo(4)
        );
        store.AddExecution("fw-2024-11-hotfix", sensors[0], "QUEUED");
        store.AddExecution("fw-2024-11-hotfix", sensors[2], "QUEUED");

        store.AddJob(
            "config-rotate-certs",
            "COMPLETED",
            description: "Rotate device certificates",
            createdAt: DaysAgo(130),
            completedAt: DaysAgo(127)
        );
        store.AddExecution("config-rotate-certs", sensors[0], "SUCCEEDED", 3);
        store.AddExecution("config-rotate-certs", sensors[1], "FAILED", 3);

        // Twelve canary builds canceled months ago: more than the service's 10 deletions at once.
        for (int i = 1; i <= 12; i++)
        {
            string id = $"fw-2024-08-canary-{i:D2}";
            store.AddJob(
                id,
                "CANCELED",
                description: $"Canary build {i}",
                createdAt: DaysAgo(110 - i),
                completedAt: DaysAgo(100 - i)
            );
            store.AddExecution(id, sensors[i % 4], "CANCELED", 2);
        }
        // Two canceled this week: an age-based clean-up leaves them.
        for (int i = 1; i <= 2; i++)
        {
            string id = $"fw-2024-11-canary-{i:D2}";
            store.AddJob(
                id,
                "CANCELED",
                description: $"Canary build 4.2.0-rc{i}",
                createdAt: DaysAgo(14 - i),
                completedAt: DaysAgo(3 - i)
            );
            store.AddExecution(id, sensors[i], "CANCELED", 2);
        }

        store.AddJob(
            "greengrass-deploy-7",
            "IN_PROGRESS",
            namespaceId: "aws-gg-deployment",
            description: "Greengrass deployment",
            createdAt: DaysAgo(30)
        );
        store.AddExecution("greengrass-deploy-7", sensors[4], "QUEUED");
    }
}
