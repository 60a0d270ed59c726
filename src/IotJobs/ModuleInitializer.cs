using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;

namespace IotJobs
{
    /// <summary>
    /// Runs on Import-Module. The client and the AWS SDK live in dependencies/, loaded only when a
    /// cmdlet first needs them: on PowerShell 7 into the module's own AssemblyLoadContext (so
    /// AWS.Tools' copy of the SDK and ours never meet), on Windows PowerShell 5.1, which has no such
    /// contexts, from that folder into the one AppDomain.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer
    {
        public void OnImport()
        {
            string moduleFolder = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!;
            string dependencies = Path.Combine(moduleFolder, "dependencies");
            if (!Directory.Exists(dependencies))
                return; // loaded from a build folder, dependencies beside it

            if (RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal))
            {
                AppDomain.CurrentDomain.AssemblyResolve += (_, args) =>
                {
                    string path = Path.Combine(dependencies, new AssemblyName(args.Name).Name + ".dll");
                    return File.Exists(path) ? Assembly.LoadFrom(path) : null;
                };
                return;
            }
            var loadContext = Assembly.LoadFrom(Path.Combine(moduleFolder, "IotJobs.LoadContext.dll"));
            loadContext
                .GetType("IotJobs.LoadContext.DependencyLoadContext", throwOnError: true)!
                .GetMethod("Install")!
                .Invoke(null, new object[] { dependencies });
        }
    }
}
