namespace RightsAcademy.Web.Tests.Features.Sessions;

/// <summary>Just enough of RFC 5545 to check what was written: unfolding, components, properties with parameters.</summary>
internal sealed class Ics
{
    public sealed record Property(string Value, Dictionary<string, string> Parameters);

    public sealed record Component(string Name, Dictionary<string, Property> Properties, int Depth, int Index);

    public Dictionary<string, Property> Calendar { get; } = [];

    public List<Component> Components { get; } = [];

    public IEnumerable<Component> Nested(Component parent) =>
        Components.Skip(parent.Index + 1).TakeWhile(c => c.Depth > parent.Depth);

    public static Ics Read(string text)
    {
        Assert.Contains("\r\n", text, StringComparison.Ordinal);
        var lines = text.Replace("\r\n ", "", StringComparison.Ordinal).Replace("\r\n\t", "", StringComparison.Ordinal)
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Equal("END:VCALENDAR", lines[^1]);
        var ics = new Ics();
        var stack = new Stack<Component>();
        foreach (var line in lines[1..^1])
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var head = line[..colon].Split(';');
            var value = line[(colon + 1)..];
            if (head[0] == "BEGIN")
            {
                var component = new Component(value, [], stack.Count, ics.Components.Count);
                ics.Components.Add(component);
                stack.Push(component);
            }
            else if (head[0] == "END")
            {
                Assert.Equal(value, stack.Pop().Name);
            }
            else
            {
                var parameters = head.Skip(1).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
                (stack.Count == 0 ? ics.Calendar : stack.Peek().Properties)[head[0]] = new Property(value, parameters);
            }
        }

        Assert.Empty(stack);
        return ics;
    }
}
