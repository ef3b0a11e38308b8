namespace Consult.IntegrationTests.Support;

/// <summary>The app's clock: real time unless a test sets the moment (always given in Vietnam time, UTC+7).</summary>
public sealed class TestClock : TimeProvider
{
    public DateTimeOffset? Fixed { get; private set; }

    public void Set(string vietnamTime) => Fixed = DateTimeOffset.Parse(vietnamTime + "+07:00");

    public override DateTimeOffset GetUtcNow() => Fixed?.ToUniversalTime() ?? base.GetUtcNow();
}
