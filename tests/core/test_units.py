"""The one unit registry: lazy, small, and free of pint's traps (docs/clinical.md §4)."""

from __future__ import annotations

import pytest
from probe import run_python

from desktop.core.units import CREATININE_UMOL_L_PER_MG_DL, Q_, creatinine_mg_dl, ureg


def test_importing_the_domain_does_not_import_pint() -> None:
    code = (
        "import sys, desktop.core, desktop.core.units, desktop.core.patient, "
        "desktop.core.formatting, desktop.core.parsing, desktop.core.limits, "
        "desktop.core.calculators.bsa, desktop.core.calculators.cockcroft_gault, "
        "desktop.core.calculators.ckd_epi_2021, desktop.cli.dosing; "
        "print('pint' in sys.modules)"
    )
    assert run_python(code).strip() == "False"


def test_one_registry_for_the_whole_app() -> None:
    assert ureg() is ureg()
    assert Q_(1, "kg")._REGISTRY is ureg()


def test_the_registry_is_the_project_file_not_pints_default() -> None:
    import pint

    with pytest.raises(pint.UndefinedUnitError):
        ureg().Unit("furlong")  # in pint's default registry, not in ours


@pytest.mark.parametrize("trap", ["U", "IU", "nit", "micronit", "uunit", "kU"])
def test_enzyme_units_and_micronits_do_not_exist(trap: str) -> None:
    import pint

    with pytest.raises(pint.UndefinedUnitError):
        Q_(1, trap)


def test_units_of_biologics_are_their_own_dimension() -> None:
    import pint

    dose = Q_(100_000, "units")
    assert dose.check("[biologic_activity]")
    with pytest.raises(pint.DimensionalityError):
        dose.to("mg")
    assert Q_(10, "units/mL").check("[biologic_activity] / [length] ** 3")


def test_exact_imperial_factors() -> None:
    assert Q_(1, "lb").to("kg").magnitude == pytest.approx(0.45359237, rel=1e-15)
    assert Q_(1, "in").to("cm").magnitude == pytest.approx(2.54, rel=1e-15)
    assert Q_(1, "ft").to("cm").magnitude == pytest.approx(30.48, rel=1e-15)
    assert Q_(16, "oz").to("lb").magnitude == pytest.approx(1, rel=1e-15)


@pytest.mark.parametrize(
    ("unit", "grams"),
    [("mcg", 1e-6), ("µg", 1e-6), ("ug", 1e-6), ("mg", 1e-3), ("g", 1), ("kg", 1000)],
)
def test_masses(unit: str, grams: float) -> None:
    assert Q_(1, unit).to("g").magnitude == pytest.approx(grams, rel=1e-12)


def test_volumes_area_and_time() -> None:
    assert Q_(1, "L").to("mL").magnitude == pytest.approx(1000)
    assert Q_(1, "dL").to("mL").magnitude == pytest.approx(100)
    assert Q_(1, "m²").to("cm**2").magnitude == pytest.approx(10_000)
    assert Q_(1, "week").to("day").magnitude == pytest.approx(7)
    assert Q_(1, "year").to("day").magnitude == pytest.approx(365.25)
    assert Q_(12, "month").to("year").magnitude == pytest.approx(1)


def test_display_symbols_are_the_safe_spellings() -> None:
    assert format(Q_(1, "microgram").units, "~P") == "mcg"
    assert format(Q_(1, "milliliter").units, "~P") == "mL"
    assert format(Q_(1, "mg/m²").units, "~P") == "mg/m²"


def test_creatinine_conversion_uses_the_pinned_factor() -> None:
    assert CREATININE_UMOL_L_PER_MG_DL == 88.4
    # 85 µmol/L ÷ 88.4 = 0.961538… mg/dL (docs/clinical.md §2)
    assert creatinine_mg_dl(Q_(85, "umol/L")).magnitude == pytest.approx(0.9615384615, rel=1e-9)
    assert creatinine_mg_dl(Q_(0.085, "mmol/L")).magnitude == pytest.approx(0.9615384615, rel=1e-9)
    assert creatinine_mg_dl(Q_(1.09, "mg/dL")).magnitude == pytest.approx(1.09)
    assert creatinine_mg_dl(Q_(10.9, "mg/L")).magnitude == pytest.approx(1.09)
    with pytest.raises(ValueError, match="not a creatinine concentration"):
        creatinine_mg_dl(Q_(1, "kg"))


def test_base_units_and_hashing_work() -> None:
    # A declared-but-undefined unit system once made to_base_units() and hash() raise.
    assert Q_(1, "lb").to_base_units().magnitude == pytest.approx(453.59237)
    assert hash(Q_(1, "kg")) == hash(Q_(1000, "g"))
    assert len({Q_(70, "kg"), Q_(70, "kg")}) == 1


# ---- the unit tables of the domain agree with the registry


def test_mg_per_dose_unit_is_the_registrys_factor() -> None:
    from desktop.core.regimen import DOSE_UNITS, MG_PER_DOSE_UNIT

    assert set(MG_PER_DOSE_UNIT) == set(DOSE_UNITS)
    for unit, mg in MG_PER_DOSE_UNIT.items():
        quantity = Q_(1, unit)
        if mg is None:
            assert not quantity.check("[mass]"), unit
        else:
            assert quantity.to("mg").magnitude == pytest.approx(mg, rel=1e-12), unit


def test_each_measure_is_in_its_own_unit_and_reads_the_units_it_offers() -> None:
    from desktop.core.measures import MEASURES
    from desktop.core.parsing import parse_quantity

    for kind, measure in MEASURES.items():
        assert Q_(1, measure.unit).check(measure.dimensions[0]), kind
        for unit in measure.offered_units:
            parsed = parse_quantity(f"1 {unit}", kind)  # type: ignore[arg-type]
            assert parsed.unit_entered == unit, (kind, unit)
        assert measure.low < measure.high


@pytest.mark.parametrize(
    ("units", "dimension"),
    [
        ("DURATION_UNITS", "[time]"),
        ("CONCENTRATION_UNITS", None),  # mass, or biological activity, per volume
    ],
)
def test_the_contents_units_are_units_of_the_registry(units: str, dimension: str | None) -> None:
    from desktop.core import regimen

    for unit in getattr(regimen, units):
        quantity = Q_(1, unit)
        if dimension is not None:
            assert quantity.check(dimension), unit
        else:
            assert any(
                quantity.check(f"{d} / [length] ** 3") for d in ("[mass]", "[biologic_activity]")
            ), unit
