using System;

namespace IotJobs.Backup;

/// <summary>An item's backup could not be written: the item is left as it is.</summary>
internal sealed class BackupFailedException : Exception
{
    public BackupFailedException(string folder, Exception inner)
        : base($"its backup could not be written to {folder} ({inner.Message.TrimEnd('.')})", inner) { }
}
