using System.Net;

namespace IotJobs.Simulator;

/// <summary>An error answer: sent as JSON {"message"} with the type in the x-amzn-ErrorType header.</summary>
public sealed class ServiceError : Exception
{
    /// <param name="type">The x-amzn-ErrorType; null sends none, as some emulators do.</param>
    public ServiceError(HttpStatusCode status, string? type, string message)
        : base(message)
    {
        Status = status;
        Type = type;
    }

    public HttpStatusCode Status { get; }

    public string? Type { get; }

    /// <summary>Members the error's shape has besides its message (e.g. resourceId), answered beside it.</summary>
    public IReadOnlyDictionary<string, string> Members { get; private init; } = new Dictionary<string, string>();

    public static ServiceError NotFound(string message) =>
        new(HttpStatusCode.NotFound, "ResourceNotFoundException", message);

    /// <summary>CreateJob of a job id the account already has (409, with the id and ARN it names).</summary>
    public static ServiceError AlreadyExists(string message, string resourceId, string resourceArn) =>
        new(HttpStatusCode.Conflict, "ResourceAlreadyExistsException", message)
        {
            Members = new Dictionary<string, string> { ["resourceId"] = resourceId, ["resourceArn"] = resourceArn },
        };

    public static ServiceError InvalidRequest(string message) =>
        new(HttpStatusCode.BadRequest, "InvalidRequestException", message);

    public static ServiceError InvalidState(string message) =>
        new(HttpStatusCode.Conflict, "InvalidStateTransitionException", message);

    public static ServiceError VersionConflict(string message) =>
        new(HttpStatusCode.Conflict, "VersionConflictException", message);

    public static ServiceError LimitExceeded(string message) =>
        new(HttpStatusCode.Gone, "LimitExceededException", message);

    public static ServiceError Throttled() => new(HttpStatusCode.BadRequest, "ThrottlingException", "Rate exceeded");

    public static ServiceError Unavailable() =>
        new(
            HttpStatusCode.ServiceUnavailable,
            "ServiceUnavailableException",
            "Service is temporarily unavailable. Try again later."
        );

    public static ServiceError Forbidden(string type, string message) => new(HttpStatusCode.Forbidden, type, message);
}
