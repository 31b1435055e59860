# The Python SDK's high-level Client against brevo-mcp: connects over stdio (a command) or
# Streamable HTTP (a URL) in the given mode ("auto" probes server/discover, "legacy" sends
# initialize), uses each feature once and prints what it saw as one JSON line.
import asyncio
import json
import sys

from mcp import Client, StdioServerParameters


async def main(target: str, mode: str) -> None:
    server = target if target.startswith("http") else StdioServerParameters(command=target, args=sys.argv[3:])
    async with Client(server, mode=mode) as brevo:
        tools = await brevo.list_tools()
        account = await brevo.call_tool("get_account", {})
        missing = await brevo.call_tool("get_contact_info", {"identifier": "nobody@nowhere.example"})
        resources = await brevo.list_resources()
        lists = await brevo.read_resource("brevo://contacts/lists")
        prompts = await brevo.list_prompts()
        print(json.dumps({
            "protocolVersion": brevo.protocol_version,
            "server": brevo.server_info.name if brevo.server_info else None,
            "tools": [t.name for t in tools.tools],
            "account": {"isError": account.is_error, "text": account.content[0].text},
            "missing": {"isError": missing.is_error, "text": missing.content[0].text},
            "resources": [str(r.uri) for r in resources.resources],
            "lists": lists.contents[0].text,
            "prompts": [p.name for p in prompts.prompts],
        }))


asyncio.run(main(sys.argv[1], sys.argv[2]))
