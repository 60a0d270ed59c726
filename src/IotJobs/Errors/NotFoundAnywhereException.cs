using System;
using System.Collections.Generic;

namespace IotJobs.Errors;

/// <summary>An item looked for in several places (regions, profiles) that none of them has.</summary>
internal sealed class NotFoundAnywhereException : Exception
{
    public NotFoundAnywhereException(IEnumerable<string> places)
        : base($"it does not exist in any of the places read ({string.Join("; ", places)})") { }
}
