"""Every print product of the big visit (60 people, three days): read model, PDF and the final
step (archival form) together, as the Print menu and ``print`` do. The value is the slowest
product's median; the note names each product's."""

from delegation_app.operations.print_products import PRODUCTS, PrintRequest, render
from scenarios import Context, Result, median_time, result


def run(ctx: Context) -> Result:
    services, visit_id = ctx.services, ctx.big_visit_id
    times = {}
    for name, product in PRODUCTS.items():
        request = PrintRequest(fmt=product.formats[0])  # the draft press release has no PDF

        def once(name: str = name, request: PrintRequest = request) -> None:
            render(services, name, visit_id, request)

        once()  # the fonts are registered once per process, as in the program
        times[name] = median_time(once, ctx.repeat)
    note = "medians: " + ", ".join(f"{name} {seconds:.3f} s" for name, seconds in times.items())
    return result("print_products", max(times.values()), note=note)
