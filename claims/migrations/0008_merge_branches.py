from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0007_a14b_delivery_sending"),
        ("claims", "0007_s16_claim_repeats_index"),
    ]

    operations = []
