using System.Net.Mail;
using System.Net.Sockets;
using System.Text;
using PolicyFlow.Testing;

namespace PolicyFlow.Host.Tests.Infrastructure;

public sealed class SmtpSinkTests
{
    private const string Subject = "【督办提醒】（一）卓越工程师培养措施即将到期";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Send_WithChineseSubjectAndBody_IsReceivedDecoded()
    {
        await using var sink = await SmtpSink.StartNewAsync();

        await SendAsync(sink, "lead@jxt.zj.gov.cn", Subject, "请于 2025年3月31日 前报送实施方案。");

        var mail = Assert.Single(await sink.WaitForMessagesAsync(1, Timeout));
        Assert.Equal(Subject, mail.Subject);
        Assert.Equal(["lead@jxt.zj.gov.cn"], mail.EnvelopeRecipients);
        Assert.Equal("policyflow@zj.gov.cn", mail.EnvelopeFrom);
        Assert.Equal("policyflow@zj.gov.cn", mail.From);
        Assert.Equal(["lead@jxt.zj.gov.cn"], mail.To);
        Assert.Contains("请于 2025年3月31日 前报送实施方案。", mail.TextBody);
        Assert.Equal("step-42@policyflow.test", mail.MessageId);
        Assert.Contains("Subject:", Encoding.ASCII.GetString(mail.Raw));
    }

    [Fact]
    public async Task Send_ToRejectedRecipient_IsRefusedWith550()
    {
        await using var sink = await SmtpSink.StartNewAsync("nobody@zj.gov.cn");

        var error = await Assert.ThrowsAsync<SmtpFailedRecipientException>(
            () => SendAsync(sink, "nobody@zj.gov.cn", Subject, "正文"));

        Assert.Equal(SmtpStatusCode.MailboxUnavailable, error.StatusCode);
        Assert.Empty(sink.ReceivedMessages());
    }

    [Fact]
    public async Task StopThenStart_RefusesConnectionsWhileDown_AndAcceptsMailAgain()
    {
        await using var sink = await SmtpSink.StartNewAsync();
        var port = sink.Port;

        await sink.StopAsync();
        using (var client = new TcpClient())
        {
            var refused = await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync(sink.Host, sink.Port));
            Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
        }

        await sink.StartAsync();
        await SendAsync(sink, "county@zj.gov.cn", Subject, "恢复后的第一封邮件");

        Assert.Equal(port, sink.Port);
        var mail = Assert.Single(await sink.WaitForMessagesAsync(1, Timeout));
        Assert.Equal(["county@zj.gov.cn"], mail.EnvelopeRecipients);
    }

    private static async Task SendAsync(SmtpSink sink, string to, string subject, string body)
    {
        using var client = new SmtpClient(sink.Host, sink.Port) { Timeout = 10_000 };
        using var message = new MailMessage("policyflow@zj.gov.cn", to, subject, body)
        {
            SubjectEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
        };
        message.Headers.Add("Message-ID", "<step-42@policyflow.test>");
        await client.SendMailAsync(message);
    }
}
