using System.Management.Automation.Host;

namespace IotJobs.Hosting;

/// <summary>
/// A console of a fixed width and nothing else: the buffer width is all Out-Default asks of a host to
/// lay out tables.
/// </summary>
internal sealed class FixedWidthRawUI(int width) : PSHostRawUserInterface
{
    public override Size BufferSize
    {
        get => new(width, 9999);
        set { }
    }
    public override Size WindowSize
    {
        get => new(width, 50);
        set { }
    }
    public override Size MaxWindowSize => new(width, 50);
    public override Size MaxPhysicalWindowSize => new(width, 50);
    public override ConsoleColor ForegroundColor
    {
        get => ConsoleColor.Gray;
        set { }
    }
    public override ConsoleColor BackgroundColor
    {
        get => ConsoleColor.Black;
        set { }
    }
    public override Coordinates CursorPosition
    {
        get => default;
        set { }
    }
    public override Coordinates WindowPosition
    {
        get => default;
        set { }
    }
    public override int CursorSize
    {
        get => 1;
        set { }
    }
    public override string WindowTitle
    {
        get => "IotJobs";
        set { }
    }
    public override bool KeyAvailable => false;

    public override void FlushInputBuffer() { }

    public override BufferCell[,] GetBufferContents(Rectangle rectangle) => throw new NotSupportedException();

    public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException();

    public override void ScrollBufferContents(
        Rectangle source,
        Coordinates destination,
        Rectangle clip,
        BufferCell fill
    ) { }

    public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) { }

    public override void SetBufferContents(Rectangle rectangle, BufferCell fill) { }
}
