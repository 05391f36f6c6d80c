using Dapper;
using Npgsql;
using Telephony.Host.Configuration;
using Telephony.Ivr.Demo;
using Telephony.Ivr.Store.Holidays;
using Telephony.Ivr.Validation;

namespace Telephony.Host.Ivr;

/// <summary>
/// What a tree may refer to right now: the ACD's active queues and the skills agents have or queues require, the
/// stored holiday calendars, and — with --demo — the demo hotline's queues and skills.
/// </summary>
internal sealed class IvrValidationContextSource(NpgsqlDataSource dataSource, HolidayCalendarStore calendars, TelephonyOptions options)
{
    public async Task<MenuTreeValidationContext> GetAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var queues = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT id FROM acd_queues WHERE active", cancellationToken: cancellationToken))).ToHashSet(StringComparer.Ordinal);
        var skills = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT DISTINCT skill FROM acd_agent_skills", cancellationToken: cancellationToken))).ToHashSet(StringComparer.Ordinal);
        if (options.Demo)
        {
            queues.UnionWith(DemoHotline.Queues);
            skills.UnionWith(DemoHotline.Skills);
        }

        return new MenuTreeValidationContext
        {
            Queues = queues,
            Skills = skills,
            HolidayCalendars = await calendars.GetAllAsync(cancellationToken),
        };
    }
}
