using System.Buffers.Binary;
using Consult.IntegrationTests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;

namespace Consult.IntegrationTests.Infrastructure.Security;

/// <summary>Finding 4: demo accounts with a published password exist only where they are asked for.</summary>
public class ProductionDefaultsTests
{
    [Fact]
    public void Production_without_a_setting_loads_no_demo_data_and_no_demo_accounts()
    {
        using var app = new ConsultApp { Settings = { ["Demo:Seed"] = null } };
        Assert.Equal(0, app.Scalar<int>("select count(*) from regulation"));
        Assert.Equal(0, app.Scalar<int>("select count(*) from app_user where email like '%@consult.demo'"));
    }

    [Fact]
    public void Demo_data_in_production_is_loaded_only_when_set_and_warns_at_start()
    {
        using var app = new ConsultApp { Settings = { ["Demo:Seed"] = "true" } };
        Assert.True(app.Scalar<int>("select count(*) from app_user where email like '%@consult.demo'") > 0);
        Assert.Contains(app.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Demo:Seed is on in Production"));
    }

    [Fact]
    public async Task Passwords_are_stored_with_the_rounds_Identity_ships()
    {
        using var app = new ConsultApp { ShippedPasswordRounds = true };
        await app.CreateUserAsync("co@example.vn");
        var hash = Convert.FromBase64String(app.Scalar<string>("select password_hash from app_user where email = 'co@example.vn'"));
        // Identity's third format: a version byte, the pseudo-random function, then the rounds, big-endian.
        Assert.Equal(0x01, hash[0]);
        Assert.Equal(new PasswordHasherOptions().IterationCount, BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(5, 4)));
        await app.SignInAsync("co@example.vn");
    }
}
