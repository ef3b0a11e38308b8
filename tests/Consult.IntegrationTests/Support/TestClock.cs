namespace Consult.IntegrationTests.Support;

/// <summary>The app's clock: real time unless a test sets the moment (always given in Vietnam time, UTC+7).</summary>
public sealed class TestClock : TimeProvider
{
    public DateTimeOffset? Fixed { get; private set; }

    public void Set(string vietnamTime) => Fixed = DateTimeOffset.Parse(vietnamTime + "+07:00");

    /// <summary>Stops the clock (now, or at another portal's time), so counting windows cannot turn over in the middle of a test.</summary>
    public void Freeze(DateTimeOffset? at = null) => Fixed = at ?? base.GetUtcNow();

    /// <summary>Real time again.</summary>
    public void Reset() => Fixed = null;

    public override DateTimeOffset GetUtcNow() => Fixed?.ToUniversalTime() ?? base.GetUtcNow();
}
