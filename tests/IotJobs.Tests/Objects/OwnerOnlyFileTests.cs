using IotJobs.Backup;

namespace IotJobs.Tests.Objects;

/// <summary>A backup file is its owner's alone on Linux and macOS, from the moment it exists.</summary>
public sealed class OwnerOnlyFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("iotjobs-owner-only-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void The_file_is_mode_0600_while_still_empty_and_an_existing_file_is_never_overwritten()
    {
        if (OperatingSystem.IsWindows())
            return; // Windows: the folder's inherited ACL, as for any new file (about_IotJobs, BACKUPS).
        string path = Path.Combine(folder, "fw-7.job.json");

        using (var file = OwnerOnlyFile.CreateNew(path))
        {
            // Before a byte is written, nobody else could have opened it.
            Assert.Equal(0, new FileInfo(path).Length);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            file.Write("{}"u8);
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Throws<IOException>(() => OwnerOnlyFile.CreateNew(path).Dispose());
        Assert.Equal("{}", File.ReadAllText(path));
    }
}
