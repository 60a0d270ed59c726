using System;

namespace IotJobs.Errors;

/// <summary>
/// A change whose answer was lost, and which a look at the item after the batch showed the service had not applied:
/// nothing was changed, and it is safe to send again.
/// </summary>
internal sealed class NotAppliedException : Exception
{
    public NotAppliedException(Exception lost)
        : base("its answer was lost, and a look at the item after the batch shows the service did not apply it", lost)
    { }
}
