namespace IotJobs.Simulator.Http;

public enum FaultKind
{
    /// <summary>Answer 503 ServiceUnavailableException.</summary>
    ServiceUnavailable,

    /// <summary>Answer 400 ThrottlingException.</summary>
    Throttle,

    /// <summary>Drop the connection without an answer.</summary>
    ConnectionReset,

    /// <summary>Wait <see cref="FaultRule.Delay"/> before answering.</summary>
    Latency,

    /// <summary>
    /// Answer <see cref="FaultRule.Status"/> with <see cref="FaultRule.ErrorType"/>: any error a service (or an
    /// emulator) might send.
    /// </summary>
    Error,
}
