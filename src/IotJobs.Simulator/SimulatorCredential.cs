namespace IotJobs.Simulator;

/// <summary>
/// A secret key, the session token that must accompany it for temporary credentials, and the account the
/// key belongs to (<see cref="SimulatorOptions.AccountId"/> when null).
/// </summary>
public sealed record SimulatorCredential(string SecretAccessKey, string? SessionToken = null, string? AccountId = null);
