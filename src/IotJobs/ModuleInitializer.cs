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
    /// contexts, from that folder into the one AppDomain, through a resolver that
    /// <see cref="ModuleCleanup"/> takes away again on Remove-Module.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer
    {
        private static readonly object Gate = new object();
        private static ResolveEventHandler? resolver;
        private static int resolverImports;

        public void OnImport()
        {
            string moduleFolder = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!;
            string dependencies = Path.Combine(moduleFolder, "dependencies");
            if (!Directory.Exists(dependencies))
                return; // loaded from a build folder, dependencies beside it

            if (RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal))
            {
                AddResolver(dependencies);
                return;
            }
            var loadContext = Assembly.LoadFrom(Path.Combine(moduleFolder, "IotJobs.LoadContext.dll"));
            loadContext
                .GetType("IotJobs.LoadContext.DependencyLoadContext", throwOnError: true)!
                .GetMethod("Install")!
                .Invoke(null, new object[] { dependencies });
        }

        /// <summary>
        /// Windows PowerShell 5.1: answers the AppDomain's requests for an assembly from the dependencies folder.
        /// PowerShell runs OnImport for each runspace that imports the module (and again after a removal), and
        /// OnRemove for each that removes it, so the imports are counted: one handler however many there are,
        /// there as long as one runspace still has the module.
        /// </summary>
        internal static void AddResolver(string dependencies)
        {
            lock (Gate)
            {
                resolverImports++;
                if (resolver != null)
                    return;
                resolver = (_, args) =>
                {
                    string path = Path.Combine(dependencies, new AssemblyName(args.Name).Name + ".dll");
                    return File.Exists(path) ? Assembly.LoadFrom(path) : null;
                };
                AppDomain.CurrentDomain.AssemblyResolve += resolver;
            }
        }

        /// <summary>The other half of <see cref="AddResolver"/>: the last removal takes the handler away.</summary>
        internal static void RemoveResolver()
        {
            lock (Gate)
            {
                // Nothing was added on PowerShell 7, nor by an import that found no dependencies folder.
                if (resolverImports == 0)
                    return;
                if (--resolverImports > 0)
                    return;
                AppDomain.CurrentDomain.AssemblyResolve -= resolver;
                resolver = null;
            }
        }
    }
}
