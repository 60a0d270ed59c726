using System;
using System.IO;
using System.Linq.Expressions;
using System.Runtime.InteropServices;

namespace IotJobs.Backup;

/// <summary>
/// A new file that only its owner may read and write, where the platform has such modes. A backup holds the job
/// document, whose URLs and parameters its owner may keep private, and a default umask would make it world-readable.
/// On Linux and macOS it is created with mode 0600 (open(2) is given the mode, so the file is never readable by
/// others, not even while still empty), through FileStreamOptions.UnixCreateMode of .NET 7 and later: the module
/// targets netstandard2.0, so it is reached at run time. On Windows, and on older runtimes, the file gets what any new
/// file there gets (on Windows, its folder's inherited ACL).
/// </summary>
internal static class OwnerOnlyFile
{
    /// <summary>UnixFileMode.UserRead | UnixFileMode.UserWrite: 0600.</summary>
    private const int UserReadWrite = 256 | 128;

    private static readonly Func<string, FileStream>? CreateUnix = UnixCreator();

    /// <summary>Creates the file (failing if it exists) for writing; throws what FileStream throws.</summary>
    public static FileStream CreateNew(string path) =>
        CreateUnix != null
            ? CreateUnix(path)
            : new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);

    /// <summary>
    /// new FileStream(path, new FileStreamOptions { Mode = CreateNew, Access = Write, Share = None, UnixCreateMode =
    /// 0600 }), compiled once, so that its exceptions reach the caller as they are; null where it cannot be made.
    /// </summary>
    private static Func<string, FileStream>? UnixCreator()
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            return null;
        var runtime = typeof(FileStream).Assembly;
        var optionsType = runtime.GetType("System.IO.FileStreamOptions");
        var modeType = runtime.GetType("System.IO.UnixFileMode");
        var constructor = optionsType == null ? null : typeof(FileStream).GetConstructor([typeof(string), optionsType]);
        var createMode = optionsType?.GetProperty("UnixCreateMode");
        if (optionsType == null || modeType == null || constructor == null || createMode == null)
            return null;
        object options = Activator.CreateInstance(optionsType)!;
        optionsType.GetProperty("Mode")!.SetValue(options, FileMode.CreateNew);
        optionsType.GetProperty("Access")!.SetValue(options, FileAccess.Write);
        optionsType.GetProperty("Share")!.SetValue(options, FileShare.None);
        createMode.SetValue(options, Enum.ToObject(modeType, UserReadWrite));
        var path = Expression.Parameter(typeof(string), "path");
        var create = Expression.New(constructor, path, Expression.Constant(options, optionsType));
        return Expression.Lambda<Func<string, FileStream>>(create, path).Compile();
    }
}
