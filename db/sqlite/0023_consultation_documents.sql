-- The papers published beside a draft: the explanatory report (tờ trình), the impact assessment and the comparison table.
create table consultation_document (
    consultation_id integer not null references consultation (id),
    kind text not null check (kind in ('explanatory_report', 'impact_assessment', 'comparison_table')),
    attachment_id integer not null references attachment (id),
    primary key (consultation_id, kind)
) without rowid;
