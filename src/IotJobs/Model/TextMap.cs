using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace IotJobs.Model
{
    /// <summary>
    /// Name/value pairs that read as "name=value; name=value" where PowerShell turns them into text (Export-Csv).
    /// </summary>
    public sealed class TextMap : ReadOnlyDictionary<string, string>
    {
        public TextMap(IDictionary<string, string> pairs)
            : base(new SortedDictionary<string, string>(pairs, StringComparer.Ordinal)) { }

        public static TextMap Empty { get; } = new TextMap(new Dictionary<string, string>());

        public override string ToString() => string.Join("; ", this.Select(p => p.Key + "=" + p.Value));
    }
}
