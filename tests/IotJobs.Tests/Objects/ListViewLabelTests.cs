using System.Text.RegularExpressions;
using System.Xml.Linq;
using IotJobs.Hosting;

namespace IotJobs.Tests.Objects;

/// <summary>
/// Drift between the list views and the objects: what Format-List labels a line is a property of the object shown,
/// so that $item.&lt;label&gt; gives what the line showed; a computed line shows that same property as text.
/// </summary>
public sealed class ListViewLabelTests
{
    [Fact]
    public void Every_label_of_a_list_view_is_a_property_of_its_type_and_a_computed_line_shows_that_property()
    {
        var doc = XDocument.Load(Path.Combine(BuiltModule.Folder, "IotJobs.format.ps1xml"));
        var lists = doc.Descendants("View").Where(v => v.Element("ListControl") != null).ToList();

        Assert.Equal(2, lists.Count);
        foreach (var view in lists)
        {
            var type = typeof(IotJobs.Model.IotJob).Assembly.GetType(
                view.Element("ViewSelectedBy")!.Element("TypeName")!.Value,
                throwOnError: true
            )!;
            foreach (var item in view.Descendants("ListItem"))
            {
                string label = (item.Element("Label") ?? item.Element("PropertyName")!).Value;
                Assert.True(
                    type.GetProperty(label) != null,
                    $"{type.Name} has no property {label}, a label of its list"
                );
                if (item.Element("ScriptBlock") is { } script)
                    Assert.Matches(new Regex($@"\$_\.{label}\b"), script.Value);
            }
        }
    }
}
