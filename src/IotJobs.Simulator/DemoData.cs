using IotJobs.Simulator.State;

namespace IotJobs.Simulator;

/// <summary>A small fleet in every state, for the demo and for trying the module by hand.</summary>
public static class DemoData
{
    public static void Seed(JobStore store)
    {
        string[] sensors = ["sensor-01", "sensor-02", "sensor-03", "sensor-04", "gateway:eu-1"];

        store.AddJob("fw-2024-11-rollout", "IN_PROGRESS", description: "Firmware 4.2.0 to all sensors");
        store.AddExecution("fw-2024-11-rollout", sensors[0], "SUCCEEDED", 3);
        store.AddExecution("fw-2024-11-rollout", sensors[1], "IN_PROGRESS", 2);
        store.AddExecution("fw-2024-11-rollout", sensors[2], "QUEUED");
        store.AddExecution("fw-2024-11-rollout", sensors[3], "QUEUED");
        store.AddExecution("fw-2024-11-rollout", sensors[4], "IN_PROGRESS", 2);

        store.AddJob("fw-2024-11-hotfix", "IN_PROGRESS", "CONTINUOUS", thingGroupName: "eu-sensors", description: "Hotfix 4.2.1");
        store.AddExecution("fw-2024-11-hotfix", sensors[0], "QUEUED");
        store.AddExecution("fw-2024-11-hotfix", sensors[2], "QUEUED");

        store.AddJob("config-rotate-certs", "COMPLETED", description: "Rotate device certificates");
        store.AddExecution("config-rotate-certs", sensors[0], "SUCCEEDED", 3);
        store.AddExecution("config-rotate-certs", sensors[1], "FAILED", 3);

        for (int i = 1; i <= 12; i++)
        {
            string id = $"fw-2024-10-canary-{i:D2}";
            store.AddJob(id, "CANCELED", description: $"Canary build {i}");
            store.AddExecution(id, sensors[i % 4], "CANCELED", 2);
        }

        store.AddJob("greengrass-deploy-7", "IN_PROGRESS", namespaceId: "greengrass", description: "Greengrass deployment");
        store.AddExecution("greengrass-deploy-7", sensors[4], "QUEUED");
    }
}
