using System.Reflection;
using System.Runtime.Loader;

namespace IotJobs.LoadContext;

/// <summary>
/// Loads the module's dependencies (the client, its clock and the AWS SDK) from its dependencies/ folder into a
/// context of their own. The default context asks it only for what it cannot find itself, so an
/// AWSSDK.Core that another module (AWS.Tools) loaded first is never handed to the client, and ours
/// never to that module.
/// </summary>
public sealed class DependencyLoadContext : AssemblyLoadContext
{
    private static readonly object Gate = new();
    private static DependencyLoadContext? instance;
    private readonly string folder;

    private DependencyLoadContext(string folder)
        : base("IotJobs", isCollectible: false)
    {
        this.folder = folder;
        // What neither this context owns nor the runtime or PowerShell has (AWSSDK.Core 4.1's System.IO.Hashing,
        // loaded only for checksums) comes from our folder: asked only after the default context found none.
        Resolving += (_, name) =>
        {
            string path = Path.Combine(folder, name.Name + ".dll");
            return name.Name != null && File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        };
    }

    /// <summary>Called once, on import: routes the module's requests for its dependencies here.</summary>
    public static void Install(string dependenciesFolder)
    {
        lock (Gate)
        {
            if (instance != null)
                return;
            instance = new DependencyLoadContext(dependenciesFolder);
            Default.Resolving += (_, name) => instance.Owns(name) ? instance.LoadFromAssemblyName(name) : null;
        }
    }

    /// <summary>
    /// The client and the AWS SDK come from our folder; anything else (System.*, the engine) from
    /// the default context, where the runtime's own, newer copies are.
    /// </summary>
    protected override Assembly? Load(AssemblyName name) =>
        Owns(name) ? LoadFromAssemblyPath(Path.Combine(folder, name.Name + ".dll")) : null;

    // Microsoft.Bcl.TimeProvider too: the client's clock, which PowerShell does not ship. The copy in our folder is
    // the netstandard2.0 one the client was built against, whose TimeProvider is its own type, not the runtime's;
    // only the client makes and uses its clocks, so the two never meet.
    private bool Owns(AssemblyName name) =>
        name.Name != null
        && (
            name.Name == "IotJobs.Client"
            || name.Name == "Microsoft.Bcl.TimeProvider"
            || name.Name.StartsWith("AWSSDK.", StringComparison.Ordinal)
        )
        && File.Exists(Path.Combine(folder, name.Name + ".dll"));
}
