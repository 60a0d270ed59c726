using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace IotJobs.Model
{
    /// <summary>
    /// A list of strings that reads as text where PowerShell turns it into one (Export-Csv, string interpolation).
    /// </summary>
    public sealed class TextList : ReadOnlyCollection<string>
    {
        public TextList(IList<string> items)
            : base(items) { }

        public static TextList Empty { get; } = new TextList(new List<string>());

        public override string ToString() => string.Join(", ", this);
    }
}
